using LumoFlow.App.Hosting;
using LumoFlow.Domain.Messaging;
using LumoFlow.Domain.Overview;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LumoFlow.App.Tests.Hosting;

/// <summary>
/// Telemetry is off unless a setting turns it on (docs/configuration.md, Telemetry), and a tag's value comes only from a
/// closed set: an email's kind, a finding code.
/// </summary>
public sealed class TelemetrySetupTests
{
    [Fact]
    public void Off_by_default_and_on_for_console_otlp_or_Azure_Monitor()
    {
        Assert.Null(new ServiceCollection().AddLumoFlowTelemetry(Settings()));
        Assert.Null(new ServiceCollection().AddLumoFlowTelemetry(Settings(("LumoFlow:Telemetry:Exporter", "none"))));
        foreach (var on in new[]
                 {
                     Settings(("LumoFlow:Telemetry:Exporter", "console")),
                     Settings(("LumoFlow:Telemetry:Exporter", "OTLP"), ("LumoFlow:Telemetry:OtlpEndpoint", "http://localhost:4317")),
                     // The key is not used: the exporter authenticates with Entra ID (local auth is off in Azure).
                     Settings((TelemetrySetup.AzureMonitorSetting, "InstrumentationKey=00000000-0000-0000-0000-000000000000;"
                         + "IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/")),
                 })
        {
            var services = new ServiceCollection().AddLogging();
            Assert.NotNull(services.AddLumoFlowTelemetry(on));
            using var provider = services.BuildServiceProvider();
            Assert.NotNull(provider.GetRequiredService<TracerProvider>());
            Assert.NotNull(provider.GetRequiredService<MeterProvider>());
        }
        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddLumoFlowTelemetry(Settings(("LumoFlow:Telemetry:Exporter", "zipkin"))));
    }

    [Fact]
    public void Tags_come_from_closed_sets()
    {
        foreach (var (kind, _) in EmailKinds.All) Assert.Equal(kind, LumoFlowTelemetry.EmailKind(kind));
        Assert.Equal("other", LumoFlowTelemetry.EmailKind("maija.virtanen@kunta.example"));
        foreach (var code in DailyCheck.Codes) Assert.Equal(code, LumoFlowTelemetry.FindingCode(code));
        Assert.Equal("other", LumoFlowTelemetry.FindingCode("Testi Lapsi"));
        Assert.True(LumoFlowTelemetry.IsEscalation(nameof(StaffNotice.DecisionEscalation)));
        Assert.True(LumoFlowTelemetry.IsEscalation(nameof(StaffNotice.UrgencyOnCall)));
        Assert.True(LumoFlowTelemetry.IsEscalation("Urgent"));
        Assert.False(LumoFlowTelemetry.IsEscalation("Receipt"));
        Assert.False(LumoFlowTelemetry.IsEscalation(nameof(StaffNotice.DecisionReminder)));
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
