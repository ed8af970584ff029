namespace LumoFlow.App.Auth;

/// <summary>
/// Who a caller is to LumoFlow. People sign in (<see cref="StaffTokens"/>) and carry one of the first three as an
/// app role of the token; a machine client presents a function key and is <see cref="Integration"/>; LumoFlow acting on
/// its own (a daily job) is <see cref="System"/>.
/// </summary>
public enum StaffRole
{
    /// <summary>Reads and works the cases of their own team.</summary>
    SocialWorker,
    /// <summary>A social worker who also leads the team: may reassign and terminate its cases.</summary>
    TeamLead,
    /// <summary>Everything, every team's cases, the dashboard and the controls.</summary>
    Admin,
    /// <summary>LumoFlow itself, acting on its own (the daily jobs); never a caller of a route.</summary>
    System,
    /// <summary>
    /// A machine client with a function key, named by its key (<c>key:&lt;name&gt;</c>), never a person: the API's
    /// intake, a case's status and its staff events, for any team (an integration such as a case system); no page, no
    /// team lead's or administrator's route, no registration with a past time of receipt.
    /// </summary>
    Integration,
}

/// <summary>What an endpoint asks of its caller (<see cref="Http.LumoFlowRoutes.Endpoints"/>).</summary>
public enum RouteAccess
{
    /// <summary>Anyone (a notifier, a partner with a link, the sign-in pages). A staff credential, if presented, is still checked.</summary>
    Public,
    /// <summary>Any signed-in staff member or a key (on the API); a case of another team is refused by the handler (403).</summary>
    Staff,
    /// <summary>A team lead (of the case's team) or an admin.</summary>
    TeamLead,
    /// <summary>An admin.</summary>
    Admin,
}

public static class StaffAccess
{
    /// <summary>Whether a caller in <paramref name="role"/> may use an endpoint that asks for <paramref name="access"/>.</summary>
    public static bool Allows(this RouteAccess access, StaffRole role) => access switch
    {
        RouteAccess.Public or RouteAccess.Staff => true,
        RouteAccess.TeamLead => role is StaffRole.TeamLead or StaffRole.Admin,
        RouteAccess.Admin => role is StaffRole.Admin,
        _ => false,
    };

    /// <summary>Whether the role sees every team's cases (else only its own team's).</summary>
    public static bool SeesEveryTeam(this StaffRole role) => role is StaffRole.Admin or StaffRole.System or StaffRole.Integration;

    /// <summary>The app-role values of the token (Entra ID app roles), strongest first.</summary>
    public static readonly IReadOnlyList<(string Claim, StaffRole Role)> AppRoles =
        [("Admin", StaffRole.Admin), ("TeamLead", StaffRole.TeamLead), ("SocialWorker", StaffRole.SocialWorker)];
}
