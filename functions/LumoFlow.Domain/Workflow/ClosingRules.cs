using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LumoFlow.Domain.Workflow;

/// <summary>Something that must still happen: a stable <see cref="Code"/> and what to do about it.</summary>
public sealed record Obligation(string Code, string Description);

/// <summary>
/// What the law (and LumoFlow's promises) ask before a case may end, path by path, and everything still open. Each rule
/// names the law or promise it keeps. The decision itself is never held back by them (LSL § 26(5)): a case decided not
/// to be assessed finishes its duties in <see cref="CasePhase.Closing"/> and then ends by itself.
/// <list type="table">
/// <item><term>the assessment completed</term><description><see cref="ToComplete"/></description></item>
/// <item><term>no assessment</term><description><see cref="ToCloseWithoutAssessment"/></description></item>
/// <item><term>moving away</term><description><see cref="ToTransfer"/>, then the documents</description></item>
/// <item><term>closed before the birth</term><description><see cref="ToCloseBeforeBirth"/></description></item>
/// </list>
/// </summary>
public static class ClosingRules
{
    // ---- One rule each ----

    /// <summary>LumoFlow's promise (THL practice): the notifier is contacted, or why not is recorded.</summary>
    private static IEnumerable<Obligation> NotifierContact(CaseState s)
    {
        if (s.NotifierContactRecord is null)
            yield return new("notifierContact", "record NotifierContacted, or NotifierContactImpossible with a reason");
    }

    /// <summary>SHL § 41: partners asked to take part answer, or the request is waived with a reason.</summary>
    private static IEnumerable<Obligation> Partners(CaseState s) =>
        s.Partners.Where(p => p.Status == PartnerRequestStatus.Requested).Select(p => new Obligation($"partnerInput:{p.Id}",
            $"{p.Kind} ({p.Organisation}) has not answered; wait, or record PartnerInputWaived with a reason"));

    /// <summary>LSL § 29, SHL § 42: the child is met in person during the assessment, or the reason why not is recorded.</summary>
    private static IEnumerable<Obligation> ChildMeeting(CaseState s)
    {
        if (s.ChildMeeting is null) yield return new("childMeeting", "record ChildMet, or ChildNotMet with a reason");
    }

    /// <summary>LSL § 25(3): a suspected offence against the child is reported to the police, at once.</summary>
    private static IEnumerable<Obligation> PoliceReport(CaseState s)
    {
        if (s.PoliceReportOpen)
            yield return new("policeReport", "an offence against the child is suspected: record PoliceReportFiled, or PoliceAlreadyInformed");
    }

    /// <summary>THL: the child and every guardian are told of the notification, or the lawful reason why one is not is recorded.</summary>
    private static IEnumerable<Obligation> Family(CaseState s)
    {
        if (!s.Unborn && !FamilyInformation.Told(s))
            yield return new("informChildAndGuardians",
                "tell the child and each guardian (FamilyMemberInformed, or ChildAndGuardiansInformed), or record FamilyMemberNotInformed with the lawful reason");
    }

    /// <summary>LSL § 27(3): once client status has begun, the guardian and the child are told at once.</summary>
    private static IEnumerable<Obligation> ClientStatusNotice(CaseState s)
    {
        if (s.ClientStatus is { } status && !FamilyInformation.Told(s, since: status.At))
            yield return new("clientStatusNotice", "client status has begun: tell the child and each guardian at once (FamilyMemberInformed), or record why not");
    }

    /// <summary>LSL § 25 d: the documents the new region needs are sent without delay.</summary>
    private static IEnumerable<Obligation> TransferDocuments(CaseState s)
    {
        if (s.Transfer is { DocumentsSentAt: null })
            yield return new("transferDocuments", "send the new region the documents it needs, and record TransferDocumentsSent");
    }

    // ---- The paths that end a case ----

    /// <summary>SHL § 37: what <c>AssessmentCompleted</c> asks.</summary>
    public static IReadOnlyList<Obligation> ToComplete(CaseState s) =>
        [.. NotifierContact(s), .. Partners(s), .. ChildMeeting(s), .. PoliceReport(s), .. Family(s)];

    /// <summary>LSL § 26(5): after a decision not to assess, what remains before the case ends (the child meeting is not asked).</summary>
    public static IReadOnlyList<Obligation> ToCloseWithoutAssessment(CaseState s) =>
        [.. NotifierContact(s), .. Family(s), .. PoliceReport(s), .. Partners(s)];

    /// <summary>
    /// LSL § 25 d: what <c>TransferredOut</c> asks: the police report and the family rule hold on this path too (the
    /// family's once there is a child: not before the birth).
    /// </summary>
    public static IReadOnlyList<Obligation> ToTransfer(CaseState s) =>
        s.Unborn ? [.. PoliceReport(s)] : [.. PoliceReport(s), .. Family(s), .. ClientStatusNotice(s)];

    /// <summary>LSL § 25 c: what <c>PreBirthCaseClosed</c> asks.</summary>
    public static IReadOnlyList<Obligation> ToCloseBeforeBirth(CaseState s) => [.. PoliceReport(s)];

    /// <summary>
    /// In <see cref="CasePhase.Closing"/>: what remains before the case ends as <see cref="CaseState.PendingOutcome"/> —
    /// by the path it came: no assessment, a completed assessment (the client-status notice), a transfer (the
    /// documents), or a notification taken into the child's open assessment (its own notifier contact).
    /// </summary>
    public static IReadOnlyList<Obligation> ToFinish(CaseState s) => s.PendingOutcome switch
    {
        Outcomes.NoAssessment => [.. ToCloseWithoutAssessment(s), .. ClientStatusNotice(s)],
        Outcomes.Transferred => [.. PoliceReport(s), .. ClientStatusNotice(s), .. TransferDocuments(s)],
        Outcomes.HandledInOpenAssessment => [.. NotifierContact(s), .. PoliceReport(s)],
        _ => [.. PoliceReport(s), .. ClientStatusNotice(s)],
    };

    /// <summary>What blocks the end of the case in its phase: the completion's rules while assessing, the remaining duties while closing.</summary>
    public static IReadOnlyList<Obligation> Missing(CaseState state) => state.Phase switch
    {
        CasePhase.Closing => ToFinish(state),
        CasePhase.AwaitingBirth => ToCloseBeforeBirth(state),
        _ => ToComplete(state),
    };

    /// <summary>Everything still open: urgency, identity, the decision, the family, the police, client status and what blocks closing.</summary>
    public static IReadOnlyList<Obligation> OpenObligations(CaseState state)
    {
        if (!state.IsOpen) return [];
        var open = new List<Obligation>();
        // LSL § 26(2), SHL § 36(1): the urgent need is assessed at once, for every notification (before the birth too).
        if (state.Urgency is null) open.Add(new("urgencyAssessment", "record UrgencyAssessed at once (LSL § 26(2))"));
        // LSL § 25 b: the notification is registered as far as it is known; staff find out the rest.
        if (!state.ChildIdentified && !state.Unborn)
            open.Add(new("identifyChild", "record ChildIdentified with the child's identity code"));
        if (!state.HomeMunicipalityConfirmed)
            open.Add(new("confirmHomeMunicipality", "the case was routed to the default team: record ChildIdentified with the home municipality"));
        if (state.Phase == CasePhase.AwaitingBirth) open.Add(new("childBorn", "record ChildBorn, or PreBirthCaseClosed with a reason"));
        if (state.Phase == CasePhase.AwaitingDecision) open.Add(new("decision", "record DecisionMade by the 7th working day (LSL § 26(5))"));
        // The family's and the police's duties hold from the moment they arise, whatever the phase.
        if (!state.Unborn && state.HandledInCaseId is null) open.AddRange(Family(state));
        open.AddRange(PoliceReport(state));
        open.AddRange(ClientStatusNotice(state));
        if (state.Phase != CasePhase.AwaitingBirth) open.AddRange(Missing(state));
        return [.. open.DistinctBy(o => o.Code)];
    }
}

/// <summary>
/// Who of the family has been told (THL; LSL § 27(3)): the child, and every guardian the notification named — at least
/// one — each told or recorded as not told with the lawful reason. Guardians are told apart by a short hash of the
/// name given, so that the state keeps no names (the names are in the documents).
/// </summary>
public static class FamilyInformation
{
    /// <summary>Whether the child and every guardian are done — counting only what happened from <paramref name="since"/> on, when given.</summary>
    public static bool Told(CaseState state, DateTimeOffset? since = null)
    {
        var records = state.FamilyMembers.Where(r => since is null || r.At >= since).ToList();
        var child = records.Any(r => r.Who == FamilyRoles.Child);
        var guardians = records.Where(r => r.Who == FamilyRoles.Guardian).Select(r => r.NameKey).Distinct().Count();
        return child && guardians >= Math.Max(1, state.GuardianCount);
    }

    /// <summary>The key a family member is told apart by: a hash of the name given, or <paramref name="unnamed"/>.</summary>
    public static string NameKey(string? name, string unnamed)
    {
        if (string.IsNullOrWhiteSpace(name)) return unnamed;
        var normal = string.Join(' ', name.Trim().ToLower(CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)))[..12];
    }
}
