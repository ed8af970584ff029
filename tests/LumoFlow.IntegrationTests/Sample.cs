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

    /// <summary>
    /// A notifier's address no other test uses, always ending in <c>@example.test</c>: the tests that look for personal
    /// data in logs and answers search for that ending. (Cutting the whole address to a length, as this once did, cut
    /// the ending off, so those searches could never find anything.) 12 hex digits of a GUID are unique enough here;
    /// the local part stays within 53 characters (SMTP allows 64).
    /// </summary>
    public static string UniqueEmail(string who) => $"{who[..Math.Min(who.Length, 40)]}-{Guid.NewGuid().ToString("N")[..12]}@example.test";

    /// <summary>A valid identity code of a child born on <paramref name="birth"/> (2000s), unique per call in practice.</summary>
    public static string IdentityCode(DateOnly? birth = null) =>
        LumoFlow.Domain.Notifications.PersonalIdentityCode.Of(
            birth ?? new DateOnly(2015, 1, 1).AddDays(Random.Shared.Next(0, 3000)), Random.Shared.Next(2, 900)).Value;
}
