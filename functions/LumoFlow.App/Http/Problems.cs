using LumoFlow.Domain.Validation;

namespace LumoFlow.App.Http;

/// <summary>
/// A 400 answer for problems with what was sent: ASP.NET Core's validation problem details, each field's messages in
/// English under <c>errors</c> and their stable codes under <c>codes</c> (<see cref="ProblemCode"/>), for a client to
/// branch on.
/// </summary>
public static class Problems
{
    public static IResult Of(FieldProblems problems, string? title = null, string? detail = null) =>
        Results.ValidationProblem(problems.English, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["codes"] = problems.Codes });

    public static IResult Of(string field, FieldProblem problem)
    {
        var problems = new FieldProblems();
        problems.Add(field, problem);
        return Of(problems);
    }
}
