using System.Globalization;
using System.Text.Json;
using LumoFlow.App;
using LumoFlow.Domain.Notifications;

namespace LumoFlow.Benchmarks;

/// <summary>Valid, varied notifications: a unique child (identity code) each, municipalities across the teams.</summary>
public static class Notifications
{
    private static readonly string[] Municipalities = ["Kuopio", "Joensuu", "Jyväskylä", "Mikkeli", "Vaasa", "Tampere"];

    /// <param name="receivedAt">Set by staff registering a notification received by phone (only they may).</param>
    public static Notification Create(int i, DateTimeOffset? receivedAt = null) => new()
    {
        Kind = NotificationKinds.ChildWelfare,
        Notifier = new Notifier
        {
            Type = NotifierTypes.Professional,
            Name = "Opettaja",
            Profession = "luokanopettaja",
            Organisation = "Koulu",
            Phone = "+358 40 123 4567",
            Email = $"notifier{i}@koulu.example.test",
        },
        Children = [new Child { Name = "Lapsi", IdentityCode = IdentityCode(i), HomeMunicipality = Municipalities[i % Municipalities.Length] }],
        Concern = "Huoli lapsen arjesta.",
        ReceivedAt = receivedAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
    };

    /// <summary>The request body, as a notifier's client sends it.</summary>
    public static byte[] Body(int i, DateTimeOffset? receivedAt = null) => JsonSerializer.SerializeToUtf8Bytes(Create(i, receivedAt), LumoFlowJson.Options);

    /// <summary>A valid, unique-per-i identity code of a child born 2010–2024.</summary>
    public static string IdentityCode(int i) =>
        PersonalIdentityCode.Of(new DateOnly(2010, 1, 1).AddDays(i % 5000), 2 + (i / 5000) % 898).Value;
}
