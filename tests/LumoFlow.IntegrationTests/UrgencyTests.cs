using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LumoFlow.Domain.Calendar;
using LumoFlow.IntegrationTests.Infrastructure;

namespace LumoFlow.IntegrationTests;

/// <summary>
/// LSL § 26(2) on the real engine (Durable on Azurite, maildev): the urgent need is assessed at once, for every
/// notification. A red flag reaches on-call at once, whatever the time; unrecorded urgency goes to the team lead, then
/// to on-call. The ladder's default hours (2 and 4 from the start of office time) are the pure workflow's and the
/// orchestrator's tests (a simulated clock); here the engine runs the same ladder with its hours set so that it plays
/// out in seconds, through the settings <c>LumoFlow:Urgency</c>.
/// </summary>
[Collection(DevServicesCollection.Name)]
public sealed class UrgencyTests(DevServices services)
{
    private const string Lead = "ps-johtava@lumoflow.example.test";       // Kuopio's team (routing.json)
    private const string OnCall = "ps-paivystys@lumoflow.example.test";

    [Fact]
    public async Task A_red_flag_received_after_hours_reaches_on_call_at_once_and_a_notification_without_one_does_not()
    {
        await using var app = new LumoFlowApp(services);
        var lateEvening = AfterHours(DateTimeOffset.UtcNow);

        var violence = Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("red-flag"));
        violence["reasons"] = new JsonArray("violenceOrSexualAbuse"); // no "immediate danger" ticked: the reason alone is the red flag
        var red = await RegisterAsync(app, violence, lateEvening);
        var plain = await RegisterAsync(app, Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("no-flag")), lateEvening);

        var urgent = await services.Mail.WaitForAsync(m => m.IsTo(OnCall) && m.Subject.Contains(red, StringComparison.Ordinal)
            && m.Subject.StartsWith("KIIREELLINEN: lastensuojeluilmoitus", StringComparison.Ordinal), timeout: TimeSpan.FromSeconds(30));
        Assert.Single(urgent);
        await app.WaitForStatusAsync(plain, s => Cases.HasEvent(s, "DeadlinesSet"));
        await Task.Delay(2000);
        Assert.DoesNotContain(await services.Mail.AllAsync(),
            m => m.Subject.Contains(plain, StringComparison.Ordinal) && m.Subject.StartsWith("KIIREELLINEN: lastensuojeluilmoitus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unrecorded_urgency_goes_to_the_team_lead_then_to_on_call_and_a_recorded_one_stops_the_ladder()
    {
        // Received in office hours (the latest such moment): the ladder counts from receipt. Its hours are set so that
        // the lead's step comes ~20 s from now and on-call's ~20 s after it.
        var received = OfficeTime.LatestBefore(DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var app = new LumoFlowApp(services, settings: OfficeTime.Ladder(received, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)));
        var unassessed = await RegisterAsync(app, Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("ladder")), received);
        var assessed = await RegisterAsync(app, Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("ladder-stopped")), received);
        var staff = app.StaffClient();
        Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsJsonAsync($"/api/cases/{assessed}/events/UrgencyAssessed", new { urgent = false })).StatusCode);
        await app.WaitForStatusAsync(assessed, s => Cases.HasEvent(s, "UrgencyAssessed"));

        bool About(MailDev.Message m, string id) => m.Subject.Contains(id, StringComparison.Ordinal) && m.Subject.Contains("arvioitu", StringComparison.Ordinal);
        var toLead = await services.Mail.WaitForAsync(m => m.IsTo(Lead) && About(m, unassessed), timeout: TimeSpan.FromSeconds(60));
        Assert.Single(toLead);
        Assert.StartsWith("Eskalointi: lapsen mahdollisen kiireellisen", toLead[0].Subject);
        Assert.DoesNotContain(await services.Mail.AllAsync(), m => m.IsTo(OnCall) && About(m, unassessed)); // not yet

        var toOnCall = await services.Mail.WaitForAsync(m => m.IsTo(OnCall) && About(m, unassessed), timeout: TimeSpan.FromSeconds(60));
        Assert.Single(toOnCall);
        Assert.StartsWith("KIIREELLINEN: lapsen mahdollisen kiireellisen", toOnCall[0].Subject);

        // The case assessed in time had neither.
        Assert.DoesNotContain(await services.Mail.AllAsync(), m => About(m, assessed));
        var status = await app.StatusAsync(unassessed);
        Assert.Contains("urgencyAssessment", status["customStatus"]!["openObligations"]!.AsArray().Select(o => (string)o!));
    }

    /// <summary>
    /// A case whose Durable timer has fired (the lead's escalation) then gets a burst of staff events, 8 at a time, so
    /// that some arrive while it is busy recording others. Every accepted event must be applied, once. (The SDK leaves
    /// a cancelled event waiter on its stack; the case cancels its waiter when the timer comes first. This checks that no
    /// event is handed to that waiter and lost.)
    /// </summary>
    [Fact]
    public async Task A_burst_of_events_after_a_timer_fired_is_applied_in_full()
    {
        var received = OfficeTime.LatestBefore(DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var app = new LumoFlowApp(services, settings: OfficeTime.Ladder(received, TimeSpan.FromSeconds(15), TimeSpan.FromHours(1)));
        var id = await RegisterAsync(app, Sample.Notification(Sample.IdentityCode(), Sample.UniqueEmail("burst-after-timer")), received);
        await services.Mail.WaitForAsync(m => m.IsTo(Lead) && m.Subject.Contains(id, StringComparison.Ordinal), timeout: TimeSpan.FromSeconds(60));

        await app.AssertBurstAppliedInFullAsync(id, count: 60, concurrency: 8, seconds: 90);
    }

    internal static async Task<string> RegisterAsync(LumoFlowApp app, JsonObject notification, DateTimeOffset receivedAt)
    {
        notification["receivedAt"] = receivedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        var response = await app.StaffClient().PostAsJsonAsync("/api/notifications", notification);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>A late evening before now: 23:00 Helsinki time on the latest day whose 23:00 has passed.</summary>
    private static DateTimeOffset AfterHours(DateTimeOffset now)
    {
        var day = HelsinkiTime.LocalDate(now);
        var evening = HelsinkiTime.AtLocalTime(day, new TimeOnly(23, 0));
        return evening < now ? evening : HelsinkiTime.AtLocalTime(day.AddDays(-1), new TimeOnly(23, 0));
    }
}
