using System.Security.Cryptography;
using System.Text;

namespace LumoFlow.Functions.Access;

/// <summary>
/// Staff endpoints require the function key in <c>x-functions-key</c> (or <c>?code=</c>, as Azure Functions accepts).
/// Locally the key is <c>Values.DevFunctionKey</c> of local.settings; in Azure <c>LumoFlow__FunctionKey</c> from Key Vault.
/// </summary>
public sealed class FunctionKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string Header = "x-functions-key";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(ConfiguredKey(configuration));

    private static string ConfiguredKey(IConfiguration configuration)
    {
        var key = configuration["LumoFlow:FunctionKey"] ?? configuration["DevFunctionKey"];
        if (string.IsNullOrWhiteSpace(key))
            throw new InvalidOperationException("No function key configured (LumoFlow:FunctionKey or DevFunctionKey).");
        // App Service passes an unresolved Key Vault reference through as its literal text: never accept that as the key.
        if (key.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("The function key is an unresolved Key Vault reference; check the app's access to the vault.");
        return key;
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = http.Request.Headers[Header].FirstOrDefault() ?? http.Request.Query["code"].FirstOrDefault();
        if (presented is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _key))
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"This endpoint is for staff: send the function key in the '{Header}' header.");

        var user = http.Request.Headers[StaffIdentity.UserHeader].FirstOrDefault();
        http.Items[typeof(StaffIdentity)] = new StaffIdentity(
            string.IsNullOrWhiteSpace(user) ? "function-key" : user.Trim()[..Math.Min(user.Trim().Length, 100)],
            "function-key",
            http.Connection.RemoteIpAddress?.ToString());
        return await next(context);
    }
}
