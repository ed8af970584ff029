namespace LumoFlow.App.Http;

/// <summary>
/// Every HTTP route LumoFlow serves, in one place: the Azure Functions app declares them on its <c>[HttpTrigger]</c>s
/// (with the host's route prefix empty) and the local host maps the same ones, and a test checks that the two agree.
/// </summary>
public static class LumoFlowRoutes
{
    public const string Health = "api/health";
    public const string Notifications = "api/notifications";
    public const string Deadlines = "api/deadlines";
    public const string Case = "api/cases/{id}";
    public const string CaseEvent = "api/cases/{id}/events/{eventName}";
    public const string TerminateCase = "api/cases/{id}/terminate";
    public const string PartnerInput = "partner-input/{token}";
}
