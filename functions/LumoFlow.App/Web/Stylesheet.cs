using System.Security.Cryptography;

namespace LumoFlow.App.Web;

/// <summary>
/// LumoFlow's one stylesheet (<c>Web/lumoflow.css</c>, embedded), served at <c>/assets/lumoflow.{fingerprint}.css</c>:
/// the fingerprint is the start of its SHA-256, so a changed stylesheet has a new address and the old one may be cached
/// for a year. The pages' Content-Security-Policy allows styles from this site only.
/// </summary>
public static class Stylesheet
{
    private static readonly byte[] Content = Read();

    /// <summary>The stylesheet's file name, fingerprinted.</summary>
    public static readonly string FileName = $"lumoflow.{Convert.ToHexStringLower(SHA256.HashData(Content))[..12]}.css";

    /// <summary>Where the pages link to it.</summary>
    public static string Href => $"/assets/{FileName}";

    /// <summary><c>GET /assets/{file}</c>: the stylesheet under its current name; anything else is not here.</summary>
    public static IResult Serve(string file) => file == FileName ? new Answer() : Results.NotFound();

    private static byte[] Read()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("lumoflow.css")
            ?? throw new InvalidOperationException("The stylesheet lumoflow.css is not embedded in LumoFlow.App.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class Answer : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.ContentType = "text/css; charset=utf-8";
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.ContentLength = Content.Length;
            return context.Response.Body.WriteAsync(Content).AsTask();
        }
    }
}
