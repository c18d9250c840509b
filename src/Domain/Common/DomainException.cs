namespace TicketMaster.Common;

/// <summary>
/// A broken business rule, thrown by entities and use cases. The API derives the client's error
/// from the class alone (ADR 0010): <c>SeatsUnavailableException</c> is the GraphQL type
/// <c>SeatsUnavailableError</c> with code <c>SEATS_UNAVAILABLE</c>, its
/// <see cref="System.ComponentModel.DescriptionAttribute"/> is the type's description, and each
/// public property (described too) is a field. So a subclass names a failure in the client's
/// words, and carries every value its message mentions as a property.
/// </summary>
public abstract class DomainException(string message, Exception? innerException = null) : Exception(message, innerException);
