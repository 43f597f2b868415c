# The xai-bench image the scale/ recipes run (scale/kubernetes-indexed-job.yaml): built from the
# repository, with the trained models, data and baselines it ships. Run folders go to a mounted volume;
# a restarted container resumes the run in its --out (DIR/run.lock tells a dead holder from a live one).
#   docker build -t registry.example.org/xai-bench:0.1.0 .
#   docker run --rm -v "$PWD/results:/results" registry.example.org/xai-bench:0.1.0 run --profile quick --out /results/quick
# GPU nodes: add `RUN npm install @tensorflow/tfjs-node-gpu@4.22.0` to the build stage and pass --backend tensorflow-gpu.

# Build: the full image has the compilers better-sqlite3 falls back to when no prebuilt binary fits.
FROM node:20-bookworm AS build
WORKDIR /app
COPY . .
# `npm ci` runs `prepare` (the TypeScript build); then the dev dependencies go.
RUN npm ci && npm prune --omit=dev

# Run: what package.json "files" ships (the CLI reads nothing else), plus the production node_modules.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/schemas schemas
COPY --from=build /app/datasets/README.md datasets/README.md
COPY --from=build /app/datasets/zero-shot/README.md datasets/zero-shot/README.md
COPY --from=build /app/data/datasets data/datasets
COPY --from=build /app/data/models data/models
COPY --from=build /app/data/zero-shot-models data/zero-shot-models
COPY --from=build /app/data/knowledge-graph data/knowledge-graph
COPY --from=build /app/data/baselines data/baselines
COPY --from=build /app/site/astro.config.mjs site/astro.config.mjs
COPY --from=build /app/site/src site/src
RUN chmod +x dist/cli/main.js && ln -s /app/dist/cli/main.js /usr/local/bin/xai-bench
ENTRYPOINT ["xai-bench"]
CMD ["--help"]
