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

    /// <summary>The organizer who added the performer and may edit it (with admins); null for imported ones.</summary>
    public int? CreatedById { get; private set; }

    public IReadOnlyList<Event> Events => _events;

    public static Performer Create(string name, string description, string genre, string? imageUrl = null, int? createdById = null)
    {
        var created = new Performer { CreatedById = createdById };
        created.Describe(name, description, genre, imageUrl);
        return created;
    }

    /// <summary>Changes how the performer is billed; the events they appear at record the change for search.</summary>
    public void Describe(string name, string description, string genre, string? imageUrl)
    {
        if (imageUrl is not null && !Uri.TryCreate(imageUrl, UriKind.Absolute, out _))
        {
            throw new InvalidFieldException(nameof(imageUrl), "must be an absolute URL");
        }

        if (description.Trim().Length > 4000)
        {
            throw new InvalidFieldException(nameof(description), "must be at most 4000 characters");
        }

        (Name, Description, Genre, ImageUrl) = (Guard.NotBlank(name, nameof(name), 200), description.Trim(), Guard.NotBlank(genre, nameof(genre), 50), imageUrl);
    }
}
