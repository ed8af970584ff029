using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using LumoFlow.App.Admin;
using LumoFlow.App.Http;
using LumoFlow.App.Web;
using LumoFlow.Domain.Workflow;
using static LumoFlow.Domain.Tests.Workflow.WorkflowHarness;

namespace LumoFlow.App.Tests;

/// <summary>
/// Issue 22, input and output: control and format characters taken out of a staff event's text and refused in its
/// identity code; shown as a visible marker if one reaches a page; CSV cells a spreadsheet would run as a formula made text.
/// </summary>
public sealed class InputAndOutputTests
{
    private static (CaseEvent? Event, Dictionary<string, string[]> Codes) Read(string eventName, object body)
    {
        var (caseEvent, problems) = EventReader.Read(StaffEvents.Find(eventName)!, JsonSerializer.SerializeToElement(body), "worker@kunta.test",
            At("2026-04-02 10:00"), code => "key-of-" + code.Value);
        return (caseEvent, problems.Codes.ToDictionary());
    }

    [Fact]
    public void A_staff_event_loses_control_and_format_characters_and_a_note_keeps_its_lines()
    {
        var (read, codes) = Read("ChildMet", new { how = "koti\u200Bkäynti\t\u202Eläsnä", note = "Lapsi tavattu.\r\nHuoneessa\tsiistiä.\u2066" });

        Assert.Empty(codes);
        var met = Assert.IsType<ChildMet>(read);
        Assert.Equal("kotikäynti läsnä", met.How);
        Assert.Equal("Lapsi tavattu.\nHuoneessa\tsiistiä.", met.Note);
    }

    [Fact]
    public void Text_that_was_nothing_but_them_is_missing()
    {
        var (read, codes) = Read("ChildNotMet", new { reason = "\u200B\u202E\u2060" });

        Assert.Null(read);
        Assert.Equal(["Required"], codes["reason"]);
    }

    [Theory]
    [InlineData("150315A123X\u200B")]
    [InlineData("\u202E150315A123X")]
    [InlineData("150315A123X\t")]
    [InlineData(" 150315A123X\n")]
    [InlineData("\t")]
    public void An_identity_code_with_one_is_refused_with_its_own_code(string identityCode)
    {
        var (read, codes) = Read("ChildIdentified", new { identityCode });

        Assert.Null(read);
        Assert.Equal(["IdentityCodeControlCharacters"], codes["identityCode"]);
    }

    [Fact]
    public void The_same_identity_code_without_them_is_taken()
    {
        var (read, codes) = Read("ChildIdentified", new { identityCode = " 150315A123X " });

        Assert.Empty(codes);
        Assert.Equal("150315A123X", Assert.IsType<ChildIdentified>(read).IdentityCode);
    }

    [Fact]
    public void A_page_shows_them_as_markers_whether_raw_or_as_the_encoder_writes_them()
    {
        // The pages' encoder (PageResult's): it writes these characters as numeric references, which a browser obeys.
        var encoded = HtmlEncoder.Create(UnicodeRanges.All).Encode("Aino\u202Eenim\u200Bi\u0007 ä\nrivi\t");
        var page = $"<p title=\"{encoded}\">{encoded}</p><p>raw \u202E and &#8238; and &#x200b; and &#xD800; and &#x41;</p>";

        var shown = VisibleControls.InHtml(page);

        Assert.Equal("<p title=\"Aino⟨U+202E⟩enim⟨U+200B⟩i⟨U+0007⟩ ä&#xA;rivi&#x9;\">Aino⟨U+202E⟩enim⟨U+200B⟩i⟨U+0007⟩ ä&#xA;rivi&#x9;</p>"
            + "<p>raw ⟨U+202E⟩ and ⟨U+202E⟩ and ⟨U+200B⟩ and &#xD800; and &#x41;</p>", shown);
    }

    [Fact]
    public void A_page_without_them_is_left_as_it_is()
    {
        const string page = "<p>Äiti &amp; lapsi &#x27;Aino&#x27;\n\t😀</p>";
        Assert.Equal(page, VisibleControls.InHtml(page));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+2", "'\t=1+2")]
    [InlineData("\r=1+2", "\"'\r=1+2\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("pohjois-savo", "pohjois-savo")]
    [InlineData("12.5", "12.5")]
    [InlineData("", "")]
    public void A_csv_cell_a_spreadsheet_would_run_is_text(string cell, string written) => Assert.Equal(written, ComplianceCsv.Cell(cell));
}
