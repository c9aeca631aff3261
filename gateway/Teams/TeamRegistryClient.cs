using System.Net;
using System.Net.Http.Json;
using Polly;

namespace Dispatch.Gateway.Teams;

/// <summary>
/// Asks the team registry (the owner of places and teams) where an account belongs. Calls carry the
/// caller's token and correlation id (<see cref="CallerHeadersHandler"/>) and go through the standard
/// resilience pipeline; a missing id is null, anything else that is not an answer is
/// <see cref="TeamRegistryUnavailableException"/>.
/// </summary>
internal sealed class TeamRegistryClient(HttpClient http)
{
    public Task<CommunityPlace?> GetCommunityAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<CommunityPlace>($"/api/places/communities/{id}", cancellationToken);

    public Task<StreetPlace?> GetStreetAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<StreetPlace>($"/api/places/streets/{id}", cancellationToken);

    public Task<RegisteredTeam?> GetTeamAsync(Guid id, CancellationToken cancellationToken) =>
        GetAsync<RegisteredTeam>($"/api/teams/{id}", cancellationToken);

    private async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        try
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return null;
            if (!response.IsSuccessStatusCode)
                throw new TeamRegistryUnavailableException($"The team registry answered {(int)response.StatusCode} to GET {path}.");
            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new TeamRegistryUnavailableException($"The team registry answered GET {path} with an empty body.");
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TeamRegistryUnavailableException($"The team registry is not reachable ({ex.Message}).", ex);
        }
    }
}
