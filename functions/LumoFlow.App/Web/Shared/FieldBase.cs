using Microsoft.AspNetCore.Components;

namespace LumoFlow.App.Web.Shared;

/// <summary>
/// What every field component has: its id (its <c>label for</c>, and the error summary's link target), its name in the
/// posted form, its label, a hint and an error. The hint and the error are named by the control's
/// <c>aria-describedby</c>, and an invalid control says so (<c>aria-invalid</c>): GOV.UK's pattern.
/// </summary>
public abstract class FieldBase : LumoComponent
{
    [Parameter, EditorRequired] public string Id { get; set; } = "";
    /// <summary>The posted form's name for it; its <see cref="Id"/> unless given.</summary>
    [Parameter] public string? Name { get; set; }
    [Parameter, EditorRequired] public string Label { get; set; } = "";
    [Parameter] public string? Hint { get; set; }
    /// <summary>What is wrong with what was entered; null when nothing is.</summary>
    [Parameter] public string? Error { get; set; }

    protected string FieldName => Name ?? Id;
    protected string HintId => $"{Id}-hint";
    protected string ErrorId => $"{Id}-error";
    protected string WrapperClass => Error is null ? "field" : "field invalid";
    protected string? Invalid => Error is null ? null : "true";

    /// <summary>The ids of the hint and the error, for <c>aria-describedby</c>; null when there are neither.</summary>
    protected string? DescribedBy =>
        string.Join(' ', new[] { Hint is null ? null : HintId, Error is null ? null : ErrorId }.Where(id => id is not null)) is { Length: > 0 } ids
            ? ids
            : null;
}
