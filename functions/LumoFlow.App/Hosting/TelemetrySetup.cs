using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LumoFlow.App.Hosting;

/// <summary>
/// Turns OpenTelemetry on in a host, by settings (docs/configuration.md, Telemetry):
/// <list type="bullet">
/// <item><c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> set (Azure): the Azure Monitor exporter, authenticated with Entra ID
///   (the app's managed identity: Application Insights' local auth is off, so its key alone is refused);</item>
/// <item><c>LumoFlow:Telemetry:Exporter</c>: <c>none</c> (default), <c>console</c>, or <c>otlp</c> with
///   <c>LumoFlow:Telemetry:OtlpEndpoint</c> (default the exporter's own, <c>http://localhost:4317</c>).</item>
/// </list>
/// Neither: nothing is registered, and LumoFlow's spans and instruments cost next to nothing (nobody listens).
/// </summary>
public static partial class TelemetrySetup
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>OpenTelemetry with LumoFlow's sources and instrumentation and the exporters the settings ask for; null when off.</summary>
    public static IOpenTelemetryBuilder? AddLumoFlowTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporter = (configuration["LumoFlow:Telemetry:Exporter"] ?? "none").Trim().ToLowerInvariant();
        if (exporter is not ("none" or "console" or "otlp"))
            throw new InvalidOperationException($"LumoFlow:Telemetry:Exporter must be none, console or otlp, not '{exporter}'.");
        var azureMonitor = configuration[AzureMonitorSetting] is { Length: > 0 } connection ? connection : null;
        if (exporter == "none" && azureMonitor is null) return null;

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(LumoFlowTelemetry.Name))
            .WithTracing(tracing => tracing.AddLumoFlowInstrumentation())
            .WithMetrics(metrics => metrics.AddLumoFlowInstrumentation());
        if (exporter == "console")
            otel.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        if (exporter == "otlp")
        {
            var endpoint = configuration["LumoFlow:Telemetry:OtlpEndpoint"];
            void Endpoint(OtlpExporterOptions options)
            {
                if (!string.IsNullOrWhiteSpace(endpoint)) options.Endpoint = new Uri(endpoint);
            }
            otel.WithTracing(tracing => tracing.AddOtlpExporter(Endpoint)).WithMetrics(metrics => metrics.AddOtlpExporter(Endpoint));
        }
        if (azureMonitor is not null)
        {
            // Entra ID, not the connection string's key: the template turns Application Insights' local auth off and gives
            // the app's identity Monitoring Metrics Publisher. Traces and metrics only: the logs keep their way (in Azure
            // through the Functions host), so that none is sent twice.
            void Connection(AzureMonitorExporterOptions options) => options.ConnectionString = azureMonitor;
            var credential = new DefaultAzureCredential();
            otel.WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(Connection, credential))
                .WithMetrics(metrics => metrics.AddAzureMonitorMetricExporter(Connection, credential));
        }
        return otel;
    }

    /// <summary>
    /// LumoFlow's spans, and the incoming and outgoing HTTP of the host. A partner link's secret is cut out of each
    /// request's span (<see cref="SecretPaths.ScrubActivity"/>) once the instrumentation has tagged it; at the end a
    /// request that matched a route has the route's template as its path (<c>/api/cases/{id}</c>: no case id). An
    /// outgoing call's URL has its table keys cut out (a case id, the child index's keyed hash). The instrumentations
    /// redact query strings themselves. Exceptions are not recorded: their messages may hold anything. An outgoing call is traced only inside a span (a request, an activity, a daily job): not the local host's
    /// Durable sidecar (its gRPC requests, and the storage polls its backend makes under them), nor any other poll.
    /// </summary>
    public static TracerProviderBuilder AddLumoFlowInstrumentation(this TracerProviderBuilder tracing) => tracing
        .AddSource(LumoFlowTelemetry.Name)
        .AddAspNetCoreInstrumentation(options =>
        {
            options.RecordException = false;
            options.Filter = http => !http.Request.Path.StartsWithSegments(SidecarPath);
            options.EnrichWithHttpRequest = (activity, _) => SecretPaths.ScrubActivity(activity);
            options.EnrichWithHttpResponse = (activity, response) =>
            {
                SecretPaths.ScrubActivity(activity);
                if ((response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } route)
                    activity.SetTag("url.path", "/" + route.TrimStart('/'));
            };
        })
        .AddHttpClientInstrumentation(options =>
        {
            options.RecordException = false;
            options.FilterHttpRequestMessage = _ => Activity.Current?.ParentId is not null;
            options.EnrichWithHttpRequestMessage = (activity, _) =>
            {
                SecretPaths.ScrubActivity(activity);
                if (activity.GetTagItem("url.full") is string url) activity.SetTag("url.full", TableKeys().Replace(url, KeysRedacted));
            };
        });

    /// <summary>An entity's keys in a table URL, <c>Cases(PartitionKey='…',RowKey='…')</c>.</summary>
    [GeneratedRegex(@"\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex TableKeys();

    private const string KeysRedacted = "(" + SecretPaths.Redacted + ")";

    /// <summary>The local host's in-process Durable sidecar (gRPC, functions/LumoFlow.LocalHost/DurableTaskSidecar.cs).</summary>
    private const string SidecarPath = "/TaskHubSidecarService";

    /// <summary>LumoFlow's instruments (<see cref="LumoFlowTelemetry"/>), and request durations by route template.</summary>
    public static MeterProviderBuilder AddLumoFlowInstrumentation(this MeterProviderBuilder metrics)
    {
        _ = LumoFlowTelemetry.Meter; // creates the gauges
        return metrics.AddMeter(LumoFlowTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
    }
}
