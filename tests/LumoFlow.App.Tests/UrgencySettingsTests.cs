using LumoFlow.App.Hosting;
using LumoFlow.Domain.Workflow;
using Microsoft.Extensions.Configuration;

namespace LumoFlow.App.Tests;

/// <summary><c>LumoFlow:Urgency</c>: the urgency ladder's settings as an operator writes them (app settings, environment).</summary>
public sealed class UrgencySettingsTests
{
    private static UrgencySchedule Read(Dictionary<string, string?> values) =>
        LumoFlowServices.ReadUrgency(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("LumoFlow:Urgency"));

    [Fact]
    public void Without_settings_the_defaults_hold_office_hours_8_to_16_lead_after_2_hours_on_call_after_4()
    {
        var schedule = Read([]);

        Assert.Equal(new UrgencySchedule().OfficeStart, schedule.OfficeStart);
        Assert.Equal(new TimeOnly(16, 0), schedule.OfficeEnd);
        Assert.Equal(2, schedule.LeadAfterHours);
        Assert.Equal(4, schedule.OnCallAfterHours);
        Assert.Equal(["violenceOrSexualAbuse", "childSelfHarm"], schedule.RedFlagReasons);
    }

    [Fact]
    public void Every_setting_is_read_and_a_list_of_red_flag_reasons_replaces_the_default_list()
    {
        var schedule = Read(new()
        {
            ["LumoFlow:Urgency:OfficeStart"] = "07:30",
            ["LumoFlow:Urgency:OfficeEnd"] = "15:15",
            ["LumoFlow:Urgency:LeadAfterHours"] = "1.5",
            ["LumoFlow:Urgency:OnCallAfterHours"] = "3",
            ["LumoFlow:Urgency:RedFlagReasons:0"] = "childSelfHarm",
            ["LumoFlow:Urgency:RedFlagReasons:1"] = "childSubstanceUse",
        });

        Assert.Equal(new TimeOnly(7, 30), schedule.OfficeStart);
        Assert.Equal(new TimeOnly(15, 15), schedule.OfficeEnd);
        Assert.Equal(1.5, schedule.LeadAfterHours);
        Assert.Equal(3, schedule.OnCallAfterHours);
        Assert.Equal(["childSelfHarm", "childSubstanceUse"], schedule.RedFlagReasons);
    }

    [Theory]
    [InlineData("LumoFlow:Urgency:RedFlagReasons:0", "violence")]           // not a reason the form has
    [InlineData("LumoFlow:Urgency:OfficeEnd", "07:00")]                     // ends before it starts
    [InlineData("LumoFlow:Urgency:LeadAfterHours", "0")]
    [InlineData("LumoFlow:Urgency:OnCallAfterHours", "1")]                  // on-call before the lead
    public void A_setting_that_cannot_be_meant_stops_the_app_at_start_rather_than_escalate_wrongly(string key, string value) =>
        Assert.Throws<InvalidOperationException>(() => Read(new() { [key] = value }));
}
