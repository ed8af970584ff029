namespace LumoFlow.Functions.Access;

/// <summary>
/// Who is calling a staff endpoint. With a function key the key authenticates the calling system; the person
/// using it is named in <c>x-lumoflow-user</c> (recorded in the access log, never trusted for anything else).
/// </summary>
public sealed record StaffIdentity(string Name, string Credential, string? RemoteAddress)
{
    public const string UserHeader = "x-lumoflow-user";

    public static StaffIdentity Of(HttpContext context) =>
        context.Items[typeof(StaffIdentity)] as StaffIdentity
        ?? throw new InvalidOperationException("Staff endpoint reached without authentication.");
}
