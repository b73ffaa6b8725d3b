using System.Runtime.CompilerServices;

// Every generated signature is blittable: no marshalling stubs, no hidden copies.
[assembly: DisableRuntimeMarshalling]
