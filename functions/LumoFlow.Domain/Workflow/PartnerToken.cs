using System.Security.Cryptography;
using System.Text;

namespace LumoFlow.Domain.Workflow;

/// <summary>
/// A partner's single-use link token: <c>{caseId}.{requestId}.{secret}</c>. The case id and request id let the
/// answer find its case with one read; the 256-bit random secret (drawn by the engine) makes it unguessable.
/// A link works once: after the answer (or a waiver, or the assessment deadline) it only shows why it no longer does.
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
