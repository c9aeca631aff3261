# syntax=docker/dockerfile:1
# The image of any one process: PROJECT is its project's folder (gateway, services/needs, services/teams or
# services/matching). Build from the repository root, which holds shared/ and the Directory.*.props:
#   docker build --build-arg PROJECT=services/needs -t dispatch/needs:VERSION .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
RUN test -n "$PROJECT" || { echo "docker build --build-arg PROJECT=<the process's folder, e.g. services/needs>" >&2; exit 1; }
WORKDIR /src
# Restore first, from the project files alone, so that the layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY shared/Dispatch.Contracts/Dispatch.Contracts.csproj shared/Dispatch.Contracts/
COPY shared/Dispatch.ServiceDefaults/Dispatch.ServiceDefaults.csproj shared/Dispatch.ServiceDefaults/
COPY ${PROJECT}/*.csproj ${PROJECT}/
RUN dotnet restore ${PROJECT}
COPY shared/ shared/
COPY ${PROJECT}/ ${PROJECT}/
# The project's app host (its native launcher) becomes /app/process, so that one ENTRYPOINT starts every process.
RUN dotnet publish ${PROJECT} -c Release -o /app --no-restore \
    && mv "/app/$(basename ${PROJECT}/*.csproj .csproj)" /app/process

# Chiseled: no shell, no package manager; "extra" carries ICU and time zones (the code is not
# globalization-invariant: Chinese column headers, culture-aware text).
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS runtime
WORKDIR /app
COPY --from=build /app ./
# The non-root "app" user (uid 1654) of the .NET images; the Deployment asks for the same uid.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
ENTRYPOINT ["/app/process"]
