using LumoFlow.Domain.Notifications;

namespace LumoFlow.Benchmarks;

/// <summary>Valid, varied notifications: a unique child (identity code) each, municipalities across the teams.</summary>
public static class Notifications
{
    private static readonly string[] Municipalities = ["Kuopio", "Joensuu", "Jyväskylä", "Mikkeli", "Vaasa", "Tampere"];

    public static Notification Create(int i, bool notifierEmail = true, bool sometimesUrgent = true) => new()
    {
        Kind = NotificationKinds.ChildWelfare,
        Notifier = new Notifier
        {
            Type = NotifierTypes.Professional,
            Name = "Opettaja",
            Profession = "luokanopettaja",
            Organisation = "Koulu",
            Phone = "+358 40 123 4567",
            Email = notifierEmail ? $"notifier{i}@koulu.example.test" : null,
        },
        Children = [new Child { Name = "Lapsi", IdentityCode = IdentityCode(i), HomeMunicipality = Municipalities[i % Municipalities.Length] }],
        Concern = "Huoli lapsen arjesta.",
        ImmediateDanger = sometimesUrgent && i % 50 == 0,
    };

    /// <summary>A valid, unique-per-i identity code of a child born 2010–2024.</summary>
    public static string IdentityCode(int i) =>
        PersonalIdentityCode.Of(new DateOnly(2010, 1, 1).AddDays(i % 5000), 2 + (i / 5000) % 898).Value;
}
