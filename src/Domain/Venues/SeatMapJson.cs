using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using TicketMaster.Common;

namespace TicketMaster.Venues;

/// <summary>The seat-map file format of docs/seat-map-format.md: a <see cref="SeatMapPlan"/> in camelCase JSON with a format tag.</summary>
public static class SeatMapJson
{
    public const string Format = "ticketmaster.seat-map/1";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Write(SeatMapPlan plan) => JsonSerializer.Serialize(new SeatMapFile(Format, plan.Sections), Options);

    public static SeatMapPlan Read(string json)
    {
        SeatMapFile? file;
        try
        {
            file = JsonSerializer.Deserialize<SeatMapFile>(json, Options);
        }
        catch (JsonException error)
        {
            throw new SeatMapFormatException($"{error.Message.Split(" Path:")[0]} (at {error.Path ?? "$"}, line {error.LineNumber + 1})");
        }

        if (file?.Format != Format)
        {
            throw new SeatMapFormatException($"\"format\" must be \"{Format}\"");
        }

        return new SeatMapPlan(file.Sections ?? []);
    }

    private sealed record SeatMapFile(string? Format, IReadOnlyList<SectionPlan>? Sections);
}

[Description("The seat-map file is not valid JSON in the documented format (docs/seat-map-format.md); `problem` says where.")]
public sealed class SeatMapFormatException(string problem)
    : DomainException($"The seat-map file cannot be read: {problem}.")
{
    [Description("What is wrong and where (JSON path and line).")]
    public string Problem { get; } = problem;
}
