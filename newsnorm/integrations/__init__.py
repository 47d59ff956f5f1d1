"""Glue between newsnorm and data-processing engines.

Each submodule is imported on its own and only then imports its engine, so
``import newsnorm`` never pulls in datatrove, datasets or pandas:

- :mod:`newsnorm.integrations.batch`: :func:`~newsnorm.integrations.batch.normalize_batch`,
  a column-in, columns-out function for Hugging Face ``datasets.map(batched=True)``,
  Ray Data's ``map_batches``, pandas, Dask and Spark (no extra needed).
- :mod:`newsnorm.integrations.datatrove`: a datatrove formatter and filter
  (``pip install "newsnorm[datatrove]"``).

See ``docs/engines.md`` for recipes that were run with each engine.
"""
