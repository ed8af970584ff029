using System.Security.Cryptography;
using System.Text;

namespace LumoFlow.Domain.Workflow;

/// <summary>
/// A partner's single-use link token: <c>{caseId}.{requestId}.{secret}</c>. The case id and request id let the
/// answer find its case with one read; the 256-bit random secret (drawn by the engine) makes it unguessable.
/// A link works once: after the answer (or a waiver, its expiry, or the case's end) it only shows why it no longer does
/// (<see cref="PartnerLinks"/>).
/// </summary>
public static class PartnerToken
{
    public static string Compose(string caseId, string requestId, string secret) => $"{caseId}.{requestId}.{secret}";

    public static bool TryParse(string? token, out string caseId, out string requestId, out string secret)
    {
        caseId = requestId = secret = "";
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || p.Length > 100)) return false;
        (caseId, requestId, secret) = (parts[0], parts[1], parts[2]);
        return true;
    }

    /// <summary>Compares without leaking timing.</summary>
    public static bool Matches(string presented, string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(secret));
}

/// <summary>When a partner's link works, one rule for the answer and for the page that shows the question.</summary>
public static class PartnerLinks
{
    /// <summary>
    /// Why the link of <paramref name="request"/> no longer works at <paramref name="now"/>, or null while it does: it
    /// was answered, or waived, the case has ended, or it expired
    /// (<see cref="ReminderSchedule.PartnerLinkDaysAfterLastReminder"/> days after its last reminder). The first that
    /// holds is the one said.
    /// </summary>
    public static WorkflowRefusal? Refusal(CaseState state, PartnerRequest request, DateTimeOffset now) => request.Status switch
    {
        PartnerRequestStatus.Answered => new(RefusalKind.NotAllowedNow, RefusalCode.LinkUsed, "This link has already been used: the answer was received.", []),
        PartnerRequestStatus.Waived => new(RefusalKind.NotAllowedNow, RefusalCode.LinkNotNeeded, "The social worker no longer needs this answer.", []),
        _ when !state.IsOpen => new(RefusalKind.CaseEnded, RefusalCode.CaseEnded,
            $"The case is {state.RuntimeStatus.ToString().ToLowerInvariant()}; nothing more can be recorded on it.", []),
        _ when now >= request.ExpiresAt => new(RefusalKind.NotAllowedNow, RefusalCode.LinkExpired, "This link has expired.", []),
        _ => null,
    };
}
