using LumoFlow.Domain.Wording;
using Microsoft.AspNetCore.Components;

namespace LumoFlow.App.Web;

/// <summary>
/// The base of every LumoFlow component: the page it is on (<see cref="PageContext"/>: language, who is signed in, its
/// links), and <see cref="T(Phrase)"/>, the one way a component says something.
/// </summary>
public abstract class LumoComponent : ComponentBase
{
    [CascadingParameter] public PageContext Page { get; set; } = default!;

    protected string Lang => Page.Language;

    protected string T(Phrase phrase) => phrase.In(Lang);

    protected string T(Phrase phrase, params object?[] args) => phrase.In(Lang, args);

    protected string T(Vocabulary vocabulary, string code) => vocabulary.Say(code, Lang);
}
