using LumoFlow.Domain.Notifications;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.Domain.Tests.Notifications;

/// <summary>
/// A notification made by phone or in person is registered afterwards by staff, with the time it was really received;
/// the deadlines count from that time (LSL § 26). Only staff may give it.
/// </summary>
public sealed class ReceivedAtValidationTests
{
    private static readonly DateTimeOffset Now = At("2026-04-16 09:00");

    private static IReadOnlyDictionary<string, string[]> Validate(string? receivedAt, bool byStaff) =>
        NotificationValidator.Validate(ValidNotification() with { ReceivedAt = receivedAt }, Now, byStaff);

    [Theory]
    [InlineData("2026-04-01T10:00:00+03:00")]
    [InlineData("2026-04-16T06:00:00Z")]
    [InlineData("2025-04-16T09:00:00+03:00")] // just within a year
    public void Staff_may_give_a_past_time_of_receipt(string receivedAt) =>
        Assert.Empty(Validate(receivedAt, byStaff: true));

    [Fact]
    public void A_notifier_may_not_set_the_time_of_receipt()
    {
        var errors = Validate("2026-04-01T10:00:00+03:00", byStaff: false);
        Assert.Contains("staff", Assert.Single(errors["receivedAt"]));
    }

    [Theory]
    [InlineData("2026-04-01T10:00:00", "offset")]          // no offset: ambiguous
    [InlineData("2026-04-01", "offset")]
    [InlineData("yesterday", "offset")]
    [InlineData("2026-04-16T06:10:00Z", "future")]         // ten minutes ahead of the server's clock
    [InlineData("2025-04-01T10:00:00+03:00", "year")]      // more than a year back: a typing error, far likelier
    public void A_bad_time_of_receipt_is_refused_with_the_reason(string receivedAt, string reason) =>
        Assert.Contains(reason, Assert.Single(Validate(receivedAt, byStaff: true)["receivedAt"]));

    [Fact]
    public void A_clock_a_little_ahead_is_tolerated_but_the_case_never_opens_in_the_future()
    {
        var notification = ValidNotification() with { ReceivedAt = "2026-04-16T06:03:00Z" }; // 3 minutes ahead
        Assert.Empty(NotificationValidator.Validate(notification, Now, registeredByStaff: true));
        Assert.Equal(Now, notification.TimeOfReceipt(Now));
    }

    [Fact]
    public void Without_a_time_of_receipt_the_notification_is_received_now() =>
        Assert.Equal(Now, ValidNotification().TimeOfReceipt(Now));
}
