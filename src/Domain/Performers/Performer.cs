using TicketMaster.Common;
using TicketMaster.Events;

namespace TicketMaster.Performers;

/// <summary>An artist, band, team, company or comedian who appears at events.</summary>
public sealed class Performer
{
    private readonly List<Event> _events = [];

    private Performer()
    {
    }

    public int Id { get; internal set; }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string Genre { get; private set; } = "";

    public string? ImageUrl { get; private set; }

    public IReadOnlyList<Event> Events => _events;

    public static Performer Create(string name, string description, string genre, string? imageUrl = null)
    {
        if (imageUrl is not null && !Uri.TryCreate(imageUrl, UriKind.Absolute, out _))
        {
            throw new InvalidFieldException(nameof(imageUrl), "must be an absolute URL");
        }

        return new Performer
        {
            Name = Guard.NotBlank(name, nameof(name), 200),
            Description = description.Trim(),
            Genre = Guard.NotBlank(genre, nameof(genre), 50),
            ImageUrl = imageUrl,
        };
    }
}
