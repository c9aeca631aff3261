namespace Dispatch.Needs.Requests;

/// <summary>Why a request filed without an account was not taken: a limit its phone or its address has reached.</summary>
internal enum FilingRefusal
{
    None,
    TooManyForPhone,
    TooManyForAddress,
}
