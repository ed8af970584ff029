namespace LumoFlow.App.Http;

/// <summary>
/// Who is calling a staff endpoint. With a function key the key authenticates the calling system (the Functions host
/// checks it in Azure, <c>FunctionKeyFilter</c> in the local host); the person using it is named in
/// <c>x-lumoflow-user</c> (or <c>?user=</c> in a browser), which goes to the access log and the history and is trusted for nothing else.
/// </summary>
public sealed record StaffIdentity(string Name, string Credential, string? RemoteAddress)
{
    public const string UserHeader = "x-lumoflow-user";
    /// <summary>The same name as a query parameter, for the dashboard in a browser (which cannot set headers).</summary>
    public const string UserQuery = "user";
    public const string FunctionKeyHeader = "x-functions-key";
    private const int MaxNameLength = 100;

    /// <summary>The caller of a request whose function key has been checked.</summary>
    public static StaffIdentity FromFunctionKey(HttpRequest request)
    {
        var user = (request.Headers[UserHeader].FirstOrDefault() ?? request.Query[UserQuery].FirstOrDefault())?.Trim();
        return new StaffIdentity(
            string.IsNullOrEmpty(user) ? "function-key" : user[..Math.Min(user.Length, MaxNameLength)],
            "function-key",
            request.HttpContext.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>Whether the request presents a function key at all (<c>x-functions-key</c> or <c>?code=</c>).</summary>
    public static string? PresentedKey(HttpRequest request) =>
        request.Headers[FunctionKeyHeader].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
}
