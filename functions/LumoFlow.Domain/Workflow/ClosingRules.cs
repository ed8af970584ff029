namespace LumoFlow.Domain.Workflow;

/// <summary>Something that must still happen: a stable <see cref="Code"/> and what to do about it.</summary>
public sealed record Obligation(string Code, string Description);

/// <summary>
/// What must have happened before an assessment may close — after <c>AssessmentCompleted</c>, or after a decision
/// not to start one. Each rule names the law or promise it keeps. Anything listed here is refused with 409.
/// </summary>
public static class ClosingRules
{
    public static IReadOnlyList<Obligation> Missing(CaseState state)
    {
        var missing = new List<Obligation>();

        // LumoFlow's promise (THL practice): the notifier is contacted, or why not is recorded.
        if (state.NotifierContactRecord is null)
            missing.Add(new("notifierContact", "record NotifierContacted, or NotifierContactImpossible with a reason"));

        // SHL § 41: partners asked to take part must answer, or the request is waived with a reason.
        foreach (var partner in state.Partners.Where(p => p.Status == PartnerRequestStatus.Requested))
            missing.Add(new($"partnerInput:{partner.Id}",
                $"{partner.Kind} ({partner.Organisation}) has not answered; wait, or record PartnerInputWaived with a reason"));

        // LSL § 29, SHL § 42: the child is met in person, or the reason why not is recorded.
        if (state.ChildMeeting is null)
            missing.Add(new("childMeeting", "record ChildMet, or ChildNotMet with a reason"));

        // LSL § 25(3): a suspected offence against the child is reported to the police (a duty that cannot be delegated).
        if (state.OffenceSuspected && state.PoliceReportFiledAt is null)
            missing.Add(new("policeReport", "an offence against the child is suspected: record PoliceReportFiled"));

        return missing;
    }

    /// <summary>Everything still open: the decision, informing the family, and whatever blocks closing.</summary>
    public static IReadOnlyList<Obligation> OpenObligations(CaseState state)
    {
        if (!state.IsOpen) return [];
        var open = new List<Obligation>();
        // LSL § 26(2), SHL § 36(1): the urgent need is assessed at once, for every notification (before the birth too).
        if (state.Urgency is null) open.Add(new("urgencyAssessment", "record UrgencyAssessed at once (LSL § 26(2))"));
        // LSL § 25 b: the notification is registered as far as it is known; staff find out the rest.
        if (!state.ChildIdentified && state.Phase != CasePhase.AwaitingBirth)
            open.Add(new("identifyChild", "record ChildIdentified with the child's identity code"));
        if (!state.HomeMunicipalityConfirmed)
            open.Add(new("confirmHomeMunicipality", "the case was routed to the default team: record ChildIdentified with the home municipality"));
        if (state.Phase == CasePhase.AwaitingBirth) open.Add(new("childBorn", "record ChildBorn, or PreBirthCaseClosed with a reason"));
        if (state.Phase == CasePhase.AwaitingDecision) open.Add(new("decision", "record DecisionMade by the 7th working day (LSL § 26(5))"));
        if (state.Phase != CasePhase.AwaitingBirth && state.FamilyInformedAt is null)
            open.Add(new("informChildAndGuardians", "tell the child and guardians a notification was received (THL)"));
        if (state.Phase != CasePhase.AwaitingBirth) open.AddRange(Missing(state));
        return open;
    }
}
