# syntax=docker/dockerfile:1
# Node 24 LTS, slim Debian, pinned to an exact release so a rebuild gets the same
# runtime; CI runs the test suite on the same version (.ci/run). Bump both together.
ARG NODE_IMAGE=node:24.22.3-slim

# 1. Compile TypeScript (needs dev dependencies).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# 2. Production dependencies only.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts

# 3. The runtime image: compiled code, locales, the sample store. npm and npx are
# removed: nothing at run time needs them, and they are most of the image's CVEs.
FROM ${NODE_IMAGE}
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
ENV NODE_ENV=production \
    DATA_DIR=/app/data \
    HEALTH_PORT=8080
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY locales ./locales
# A named volume starts as a copy of this folder, so a first run serves the sample store.
COPY --chown=node:node data/articles.json ./data/articles.json
RUN chown node:node /app/data
USER node
VOLUME ["/app/data"]
# Webhook mode (WEBHOOK_URL set) takes updates on PORT; both modes answer GET /healthz
# on HEALTH_PORT (the same server when the two are equal, as by default).
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "dist/healthcheck.js"]
# Exec form: node is PID 1 and receives SIGTERM from `docker stop` directly.
# 4 MB semi-spaces: Node 24 otherwise grows the young generation far larger, which put
# the peak at ~400 MB for 100k readers instead of ~290 MB, for no gain in latency
# (BENCHMARKS.md). The same flag is in `npm start`.
ENTRYPOINT ["node", "--enable-source-maps", "--max-semi-space-size=4", "dist/main.js"]
