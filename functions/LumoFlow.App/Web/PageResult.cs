using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LumoFlow.App.Web;

/// <summary>
/// A page as the handler's answer: the component rendered by ASP.NET Core's <see cref="HtmlRenderer"/> (everything it
/// writes HTML-encoded), with the headers no LumoFlow page goes without. The same in both hosts: the Functions worker
/// runs the ASP.NET Core pipeline and executes the <see cref="IResult"/> like the local host does.
/// </summary>
public sealed class PageResult(Type component, IReadOnlyDictionary<string, object?> parameters, int status, string language, string? languageSwitch) : IResult
{
    /// <summary>Escapes markup but keeps ä, ö, å readable (the default encoder writes every non-ASCII letter as a reference).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>No script, nothing from elsewhere; styles only from this site's stylesheet.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public async Task ExecuteAsync(HttpContext http)
    {
        var page = new PageContext(http, language,
            languageSwitch ?? (HttpMethods.IsGet(http.Request.Method) ? $"{http.Request.Path}{http.Request.QueryString}" : null));
        var services = new RenderServices(http.RequestServices);
        await using var renderer = new HtmlRenderer(services, http.RequestServices.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync<CascadingValue<PageContext>>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(CascadingValue<PageContext>.Value)] = page,
                [nameof(CascadingValue<PageContext>.IsFixed)] = true,
                [nameof(CascadingValue<PageContext>.ChildContent)] = (RenderFragment)(builder =>
                {
                    builder.OpenComponent(0, component);
                    foreach (var (name, value) in parameters) builder.AddComponentParameter(1, name, value);
                    builder.CloseComponent();
                }),
            }));
            return root.ToHtmlString();
        });
        // A right-to-left override or a zero-width character in what the page shows is shown as a marker, not obeyed.
        html = VisibleControls.InHtml(html);

        http.Response.StatusCode = status;
        // A page may show case data or be reached by a secret link: no cache or proxy keeps it, no other site frames it.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XFrameOptions = "DENY";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, Encoding.UTF8);
    }

    /// <summary>The request's services, with the encoder the pages write with.</summary>
    private sealed class RenderServices(IServiceProvider inner) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? Encoder : inner.GetService(serviceType);
    }
}
