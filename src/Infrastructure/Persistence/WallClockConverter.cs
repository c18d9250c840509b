using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TicketMaster.Persistence;

/// <summary>
/// A local time without an offset (a venue's wall clock): written as it reads and read back as
/// <see cref="DateTimeKind.Unspecified"/>, where <see cref="UtcDateTimeConverter"/> would shift it.
/// </summary>
public sealed class WallClockConverter() : ValueConverter<DateTime, DateTime>(
    value => DateTime.SpecifyKind(value, DateTimeKind.Unspecified),
    value => DateTime.SpecifyKind(value, DateTimeKind.Unspecified));
