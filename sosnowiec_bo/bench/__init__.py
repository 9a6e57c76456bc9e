"""The whole-site benchmark (`make bench`, issue 13): the large site it measures
(`generate_bench_data`), the measurement (`bench`) and the bare view it is compared with. It builds
pages of every app, so it sits beside the settings and the URLs, the only place allowed to import
them all; it is an installed app for its management commands alone (no models)."""
