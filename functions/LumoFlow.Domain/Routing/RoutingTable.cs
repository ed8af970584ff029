namespace LumoFlow.Domain.Routing;

/// <summary>
/// Routes a case to the team of the child's home region (docs/domain.md, process step 1).
/// Municipalities are matched by name or three-digit code, ignoring case and surrounding spaces;
/// an unknown or missing municipality goes to the default intake team, so no notification is ever unrouted.
/// </summary>
public sealed class RoutingTable
{
    private readonly IReadOnlyDictionary<string, Team> _teams;
    private readonly IReadOnlyDictionary<string, string> _teamByMunicipality;

    public RoutingTable(Team defaultTeam, IEnumerable<Team> teams, IReadOnlyDictionary<string, string> teamByMunicipality)
    {
        DefaultTeam = defaultTeam;
        _teams = teams.Append(defaultTeam).DistinctBy(t => t.Id).ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
        _teamByMunicipality = teamByMunicipality.ToDictionary(p => Normalise(p.Key), p => p.Value);
        foreach (var (municipality, teamId) in teamByMunicipality)
            if (!_teams.ContainsKey(teamId))
                throw new ArgumentException($"Municipality '{municipality}' routes to unknown team '{teamId}'.");
    }

    public Team DefaultTeam { get; }

    public IEnumerable<Team> Teams => _teams.Values;

    public Team Route(string? homeMunicipality) =>
        homeMunicipality is not null && _teamByMunicipality.TryGetValue(Normalise(homeMunicipality), out var teamId)
            ? _teams[teamId]
            : DefaultTeam;

    /// <summary>Whether the table routes <paramref name="homeMunicipality"/> to a team of its own (else it goes to the default team).</summary>
    public bool Knows(string? homeMunicipality) =>
        homeMunicipality is not null && _teamByMunicipality.ContainsKey(Normalise(homeMunicipality));

    /// <summary>The team with this id; the default team when the id is no longer configured.</summary>
    public Team Team(string teamId) => _teams.TryGetValue(teamId, out var team) ? team : DefaultTeam;

    private static string Normalise(string municipality) => municipality.Trim().ToLowerInvariant();
}
