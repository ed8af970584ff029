using System.Net;
using System.Text.RegularExpressions;

namespace LumoFlow.IntegrationTests.Infrastructure;

/// <summary>The notification form as served: its anti-forgery field's name and token, and its submission id.</summary>
public sealed partial record ServedForm(string TokenName, string Token, string Submission)
{
    public static ServedForm Parse(string html)
    {
        var token = TokenField().Match(html);
        return new ServedForm(token.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[2].Value), SubmissionField().Match(html).Groups[1].Value);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(__RequestVerificationToken)\" value=\"([^\"]+)\"\\s*/?>")]
    public static partial Regex TokenField();

    [GeneratedRegex("<input type=\"hidden\" name=\"submission\" value=\"([0-9a-f]{32})\"\\s*/?>")]
    public static partial Regex SubmissionField();
}
