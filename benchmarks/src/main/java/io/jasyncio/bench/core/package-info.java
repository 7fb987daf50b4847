/**
 * JMH benchmarks for core: synchronisation ({@code LockBench}), queues ({@code QueueBench}),
 * generators ({@code GeneratorBench}) and thread interop ({@code ThreadsafeBench}). The same
 * workloads in CPython asyncio are in {@code benchmarks/python/bench_sync.py}.
 */
package io.jasyncio.bench.core;
