using Dispatch.ServiceDefaults.Auth;
using Dispatch.ServiceDefaults.Http;
using Dispatch.Teams.Data;
using Dispatch.Teams.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Teams.Apis;

/// <summary>The place directory (district → street → community): everyone reads it, only an admin adds to it and renames in it.</summary>
internal static class PlacesApi
{
    private const int NameLength = 100;

    public static IEndpointRouteBuilder MapPlacesApi(this IEndpointRouteBuilder app)
    {
        var places = app.MapGroup("/api/places");
        places.MapGet("/", GetTree);
        places.MapGet("/districts/{id:guid}", GetDistrict);
        places.MapGet("/streets/{id:guid}", GetStreet);
        places.MapGet("/communities/{id:guid}", GetCommunity);

        var directory = places.MapGroup("").RequireAuthorization(Policies.Admin);
        directory.MapPost("/districts", AddDistrict);
        directory.MapPost("/districts/{districtId:guid}/streets", AddStreet);
        directory.MapPost("/streets/{streetId:guid}/communities", AddCommunity);
        directory.MapPatch("/districts/{id:guid}", RenameDistrict);
        directory.MapPatch("/streets/{id:guid}", RenameStreet);
        directory.MapPatch("/communities/{id:guid}", ChangeCommunity);
        return app;
    }

    private static async Task<Ok<List<DistrictNode>>> GetTree(PlaceStore store, CancellationToken ct)
    {
        var districts = await store.DistrictsAsync(ct);
        var streets = (await store.StreetsAsync(ct)).ToLookup(s => s.DistrictId);
        var communities = (await store.CommunitiesAsync(ct)).ToLookup(c => c.StreetId);
        var tree = districts
            .Select(d => new DistrictNode(d.Id, d.Name, streets[d.Id]
                .Select(s => new StreetNode(s.Id, s.Name, communities[s.Id].Select(ToNode).ToList()))
                .ToList()))
            .ToList();
        return TypedResults.Ok(tree);
    }

    private static async Task<Results<Ok<DistrictNode>, ProblemHttpResult>> GetDistrict(Guid id, PlaceStore store, CancellationToken ct)
    {
        var district = await store.FindDistrictAsync(id, ct);
        return district is null ? Problems.NotFound("district", id) : TypedResults.Ok(await ToNodeAsync(district, store, ct));
    }

    private static async Task<Results<Ok<StreetDetail>, ProblemHttpResult>> GetStreet(Guid id, PlaceStore store, CancellationToken ct)
    {
        var street = await store.FindStreetAsync(id, ct);
        if (street is null)
            return Problems.NotFound("street", id);
        return TypedResults.Ok(await ToDetailAsync(street, store, ct));
    }

    private static async Task<Results<Ok<CommunityDetail>, ProblemHttpResult>> GetCommunity(Guid id, PlaceStore store, CancellationToken ct)
    {
        var community = await store.FindCommunityAsync(id, ct);
        return community is null ? Problems.NotFound("community", id) : TypedResults.Ok(ToDetail(community));
    }

    private static async Task<Results<Created<DistrictNode>, ValidationProblem, ProblemHttpResult>> AddDistrict(
        PlaceRequest? body, PlaceStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors().RequireName(body?.Name, "name", NameLength);
        if (errors.Any)
            return errors.ToProblem();

        var id = Guid.CreateVersion7();
        var name = body!.Name!.Trim();
        if (await store.AddDistrictAsync(id, name, clock.GetUtcNow(), ct) == AddOutcome.Duplicate)
            return Problems.Conflict("District already exists", $"There is already a district named '{name}'.");
        return TypedResults.Created($"/api/places/districts/{id}", new DistrictNode(id, name, []));
    }

    private static async Task<Results<Created<StreetDetail>, ValidationProblem, ProblemHttpResult>> AddStreet(
        Guid districtId, PlaceRequest? body, PlaceStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors().RequireName(body?.Name, "name", NameLength);
        if (errors.Any)
            return errors.ToProblem();

        var id = Guid.CreateVersion7();
        var name = body!.Name!.Trim();
        switch (await store.AddStreetAsync(id, districtId, name, clock.GetUtcNow(), ct))
        {
            case AddOutcome.ParentMissing:
                return Problems.NotFound("district", districtId);
            case AddOutcome.Duplicate:
                return Problems.Conflict("Street already exists", $"This district already has a street named '{name}'.");
        }
        var street = await store.FindStreetAsync(id, ct);
        return TypedResults.Created($"/api/places/streets/{id}", await ToDetailAsync(street!, store, ct));
    }

    private static async Task<Results<Created<CommunityDetail>, ValidationProblem, ProblemHttpResult>> AddCommunity(
        Guid streetId, CommunityRequest? body, PlaceStore store, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .RequireName(body?.Name, "name", NameLength)
            .RequireName(body?.BranchName, "branchName", NameLength);
        if (errors.Any)
            return errors.ToProblem();

        var id = Guid.CreateVersion7();
        var name = body!.Name!.Trim();
        switch (await store.AddCommunityAsync(id, streetId, name, body.BranchName!.Trim(), clock.GetUtcNow(), ct))
        {
            case AddOutcome.ParentMissing:
                return Problems.NotFound("street", streetId);
            case AddOutcome.Duplicate:
                return Problems.Conflict("Community already exists", $"This street already has a community named '{name}'.");
        }
        var community = await store.FindCommunityAsync(id, ct);
        return TypedResults.Created($"/api/places/communities/{id}", ToDetail(community!));
    }

    private static async Task<Results<Ok<DistrictNode>, ValidationProblem, ProblemHttpResult>> RenameDistrict(
        Guid id, PlaceRequest? body, PlaceStore store, CancellationToken ct)
    {
        var errors = new ValidationErrors().RequireText(body?.Name?.Trim(), "name", NameLength);
        if (errors.Any)
            return errors.ToProblem();
        var name = body!.Name!.Trim();
        switch (await store.RenameDistrictAsync(id, name, ct))
        {
            case RenameOutcome.Missing:
                return Problems.NotFound("district", id);
            case RenameOutcome.Duplicate:
                return Problems.Conflict("District already exists", $"There is already a district named '{name}'.");
        }
        return TypedResults.Ok(await ToNodeAsync((await store.FindDistrictAsync(id, ct))!, store, ct));
    }

    private static async Task<Results<Ok<StreetDetail>, ValidationProblem, ProblemHttpResult>> RenameStreet(
        Guid id, PlaceRequest? body, PlaceStore store, CancellationToken ct)
    {
        var errors = new ValidationErrors().RequireText(body?.Name?.Trim(), "name", NameLength);
        if (errors.Any)
            return errors.ToProblem();
        var name = body!.Name!.Trim();
        switch (await store.RenameStreetAsync(id, name, ct))
        {
            case RenameOutcome.Missing:
                return Problems.NotFound("street", id);
            case RenameOutcome.Duplicate:
                return Problems.Conflict("Street already exists", $"This district already has a street named '{name}'.");
        }
        return TypedResults.Ok(await ToDetailAsync((await store.FindStreetAsync(id, ct))!, store, ct));
    }

    /// <summary>A community's name, its party branch's name, or both; a field left out stays as it is.</summary>
    private static async Task<Results<Ok<CommunityDetail>, ValidationProblem, ProblemHttpResult>> ChangeCommunity(
        Guid id, CommunityRequest? body, PlaceStore store, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Require(body?.Name is not null || body?.BranchName is not null, "name", "Send name, branchName or both.");
        if (body?.Name is not null)
            errors.RequireText(body.Name.Trim(), "name", NameLength);
        if (body?.BranchName is not null)
            errors.RequireText(body.BranchName.Trim(), "branchName", NameLength);
        if (errors.Any)
            return errors.ToProblem();
        var name = body!.Name?.Trim();
        switch (await store.ChangeCommunityAsync(id, name, body.BranchName?.Trim(), ct))
        {
            case RenameOutcome.Missing:
                return Problems.NotFound("community", id);
            case RenameOutcome.Duplicate:
                return Problems.Conflict("Community already exists", $"This street already has a community named '{name}'.");
        }
        return TypedResults.Ok(ToDetail((await store.FindCommunityAsync(id, ct))!));
    }

    private static async Task<DistrictNode> ToNodeAsync(District district, PlaceStore store, CancellationToken ct)
    {
        var streets = await store.StreetsOfDistrictAsync(district.Id, ct);
        var communities = (await store.CommunitiesOfDistrictAsync(district.Id, ct)).ToLookup(c => c.StreetId);
        return new DistrictNode(district.Id, district.Name, streets.Select(s => new StreetNode(s.Id, s.Name, communities[s.Id].Select(ToNode).ToList())).ToList());
    }

    private static async Task<StreetDetail> ToDetailAsync(Street street, PlaceStore store, CancellationToken ct) =>
        new(street.Id, street.Name, street.DistrictId, street.DistrictName,
            (await store.CommunitiesOfStreetAsync(street.Id, ct)).Select(ToNode).ToList());

    private static CommunityDetail ToDetail(Community c) =>
        new(c.Id, c.Name, c.BranchName, c.StreetId, c.StreetName, c.DistrictId, c.DistrictName);

    private static CommunityNode ToNode(Community c) => new(c.Id, c.Name, c.BranchName);
}
