using System.Text.Json.Nodes;

namespace LumoFlow.IntegrationTests;

/// <summary>The README's sample notification, with variations made per test.</summary>
public static class Sample
{
    public static JsonObject Notification() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Infrastructure.DevServices.RepositoryRoot, "samples", "notification.json")))!.AsObject();

    /// <summary>A valid notification for a child with the given identity code, notifier email and municipality.</summary>
    public static JsonObject Notification(string identityCode, string notifierEmail, string municipality = "Kuopio", bool immediateDanger = false)
    {
        var n = Notification();
        n["children"]![0]!["identityCode"] = identityCode;
        n["children"]![0]!["homeMunicipality"] = municipality;
        n["notifier"]!["email"] = notifierEmail;
        n["immediateDanger"] = immediateDanger;
        return n;
    }

    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.test"[..Math.Min(60, who.Length + 45)];

    /// <summary>A valid identity code of a child born on <paramref name="birth"/> (2000s), unique per call in practice.</summary>
    public static string IdentityCode(DateOnly? birth = null) =>
        LumoFlow.Domain.Notifications.PersonalIdentityCode.Of(
            birth ?? new DateOnly(2015, 1, 1).AddDays(Random.Shared.Next(0, 3000)), Random.Shared.Next(2, 900)).Value;
}
