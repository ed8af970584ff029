using LumoFlow.App.Web;
using LumoFlow.App.Web.Words;

namespace LumoFlow.App.Http;

/// <summary>
/// A form's body (<c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c>) is read into memory, up to a
/// cap, before anything parses it: the handler's <c>ReadFormAsync</c>, or the staff gate's anti-forgery check, which
/// reads the form of any POST that comes with the session cookie. Over the cap: <c>413</c>, nothing parsed. Both hosts
/// call <see cref="CapAsync"/> before the gate, for every route. A JSON body is capped where it is read
/// (<see cref="RequestBody"/>).
/// </summary>
public static class FormBodies
{
    /// <summary>
    /// A form with free text: the notification form (its concern alone may be 20,000 characters, as the API's 256 KiB
    /// allows), a staff event's form, the partner's answer, the dashboard's control.
    /// </summary>
    public const int MaxTextFormBytes = 256 * 1024;

    /// <summary>Any other form: the sign-in forms (Entra's ID token among them), sign-out, and a form sent where none is expected.</summary>
    public const int MaxSmallFormBytes = 64 * 1024;

    public static int MaxBytes(string route) => route switch
    {
        LumoFlowRoutes.NotificationForm or LumoFlowRoutes.StaffCaseEvent or LumoFlowRoutes.PartnerInput or LumoFlowRoutes.DashboardControl =>
            MaxTextFormBytes,
        _ => MaxSmallFormBytes,
    };

    /// <summary>
    /// Null when the body is not a form, or is one within the cap of <paramref name="route"/> (it is then in memory, where
    /// parsing finds it); else the <c>413</c> answer.
    /// </summary>
    public static async Task<IResult?> CapAsync(HttpContext http, string route)
    {
        var request = http.Request;
        if (!request.HasFormContentType) return null;
        var max = MaxBytes(route);
        if (request.ContentLength > max) return TooLarge(request, route, max);

        // At most max + 1 bytes are read, so that a body without a (truthful) Content-Length is capped too.
        var buffer = new MemoryStream();
        http.Response.RegisterForDispose(buffer);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max) return TooLarge(request, route, max);
        }
        buffer.Position = 0;
        request.Body = buffer;
        request.ContentLength = buffer.Length;

        // Parsed here, once (every later ReadFormAsync gets this form): a body no form reader can read — a NUL, broken
        // percent-encoding — is a 400 here, not an exception inside the gate's anti-forgery check (a 500, found by FuzzTests).
        try
        {
            await request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return ErrorPages.IsPage(request)
                ? WebPage.Message(400, WebPage.Language(request), CommonWords.UnreadableTitle, CommonWords.Unreadable)
                : Results.Problem(statusCode: 400, title: "The form cannot be read", detail: "Its body is not a valid form. Nothing was stored.");
        }
        return null;
    }

    private static IResult TooLarge(HttpRequest request, string route, int max) =>
        ErrorPages.IsPage(request) && route != LumoFlowRoutes.DevToken
            ? WebPage.Message(413, WebPage.Language(request), CommonWords.TooLargeTitle, CommonWords.TooLarge.With(max / 1024))
            : Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                detail: $"The form may be at most {max / 1024} KiB.");
}
