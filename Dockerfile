# One image per side: docker build --build-arg MODULE=command-side (or query-side)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q install -DskipTests

FROM eclipse-temurin:17-jre
ARG MODULE
COPY --from=build /src/${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar
COPY system/java.options /app/java.options
ENTRYPOINT ["java", "@/app/java.options", "-jar", "/app/app.jar"]
