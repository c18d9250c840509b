namespace TicketMaster.DemoData;

/// <summary>Word lists the generator combines into names people would believe.</summary>
internal static class DemoWords
{
    public static readonly string[] FirstNames =
    [
        "Luna", "Marcus", "Aria", "Elijah", "Nina", "Theo", "Sofia", "Jonah", "Maya", "Felix", "Isla", "Rafael", "Zoe", "Caleb",
        "Hana", "Oscar", "Leah", "Dmitri", "Ivy", "Mateo", "Clara", "Rowan", "Priya", "Silas", "Ada", "Lorenzo", "June", "Kai",
        "Freya", "Andre", "Mila", "Hugo", "Nadia", "Ezra", "Tessa", "Jasper", "Amara", "Levi", "Greta", "Omar",
    ];

    public static readonly string[] LastNames =
    [
        "Vega", "Holloway", "Sterling", "Okafor", "Lindqvist", "Moreau", "Castellano", "Nakamura", "Whitfield", "Adeyemi", "Brandt",
        "Delacroix", "Fontaine", "Quinlan", "Ramires", "Sato", "Thornbury", "Valentin", "Winslow", "Yilmaz", "Achterberg", "Bellamy",
        "Carrow", "Dunmore", "Espinoza", "Farrow", "Greaves", "Hartigan", "Ivanova", "Jansen", "Kowalski", "Lachance", "Mbeki",
        "Novak", "Oduya", "Petrakis", "Rousseau", "Sinclair", "Toivonen", "Underwood",
    ];

    public static readonly string[] Adjectives =
    [
        "Velvet", "Electric", "Midnight", "Golden", "Silver", "Crimson", "Neon", "Hollow", "Wild", "Quiet", "Paper", "Broken",
        "Northern", "Lucky", "Restless", "Burning", "Glass", "Secret", "Wandering", "Falling", "Cosmic", "Amber", "Iron", "Static",
        "Gentle", "Savage", "Lonely", "Bright", "Scarlet", "Hidden",
    ];

    public static readonly string[] Nouns =
    [
        "Comet", "Harbor", "Lantern", "Sparrow", "Echo", "Tide", "Orchard", "Atlas", "Ember", "Mirror", "River", "Satellite",
        "Wolf", "Garden", "Signal", "Lighthouse", "Canyon", "Parade", "Horizon", "Thunder", "Meadow", "Voyage", "Feather",
        "Monarch", "Avalanche", "Carousel", "Prism", "Cathedral", "Tangerine", "Riot",
    ];

    public static readonly string[] Mascots =
    [
        "Lions", "Bears", "Falcons", "Wolves", "Comets", "Titans", "Royals", "Hurricanes", "Stallions", "Vipers", "Knights",
        "Rangers", "Pirates", "Thunder", "Phoenix", "Rockets", "Sharks", "Storm", "Warriors", "Giants",
    ];

    public static readonly string[] MusicGenres =
    [
        "Pop", "Rock", "Indie", "Hip-Hop", "R&B", "Jazz", "Electronic", "Country", "Metal", "Folk", "Latin", "Classical", "Soul", "Punk",
    ];

    public static readonly string[] Sports = ["Football", "Basketball", "Ice Hockey", "Baseball", "Soccer", "Rugby"];

    public static readonly string[] TheatreGenres = ["Musical", "Drama", "Opera", "Ballet"];

    public static readonly string[] FamilyGenres = ["Circus", "Magic", "Ice Show", "Puppetry"];

    public static readonly string[] Streets =
    [
        "Market", "Station", "Riverside", "King", "Harbour", "Park", "Union", "Victoria", "Mill", "Church", "Bridge", "Garden",
        "Castle", "Hill", "Lake", "Canal", "Elm", "Oak", "Queen", "Festival",
    ];

    public static readonly string[] StreetKinds = ["Street", "Road", "Avenue", "Way", "Boulevard", "Lane", "Square"];
}
