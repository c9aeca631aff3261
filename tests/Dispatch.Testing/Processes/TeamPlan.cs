namespace Dispatch.Testing.Processes;

/// <summary>A team a <see cref="StreetBuilder"/> registers: what it serves, where, how many orders it may hold, and whether it is hatched.</summary>
public sealed record TeamPlan(string Name)
{
    public string[] Categories { get; init; } = ["elderly_care"];
    public string[] Skills { get; init; } = ["陪伴聊天"];
    public string ServiceArea { get; init; } = "community";
    public int Capacity { get; init; } = 5;

    /// <summary>Index of the street's community the team belongs to (in the order they were added).</summary>
    public int Community { get; init; }

    /// <summary>False leaves it incubating, as the coordinator registered it.</summary>
    public bool Hatched { get; init; } = true;
}
