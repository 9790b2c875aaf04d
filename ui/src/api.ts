// The only file that talks to the Rust side: one typed function per command.
import { invoke } from "@tauri-apps/api/core";

/** An error from a command, as the Rust side serializes it. */
export interface ApiError {
  kind: string;
  message: string;
}

export interface Session {
  demo: boolean;
  endpoint: string;
}

export interface Project {
  id: string;
  name: string;
}

export interface InstanceRow {
  id: string;
  name: string;
  region: string;
  model: string;
  status: string;
  diskGb: number | null;
  metal: boolean;
  iops: boolean;
}

/** Turns whatever a failed invoke throws into an ApiError. */
export function asApiError(e: unknown): ApiError {
  if (e && typeof e === "object" && "kind" in e && "message" in e) {
    return { kind: String((e as ApiError).kind), message: String((e as ApiError).message) };
  }
  return { kind: "unknown", message: String(e) };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asApiError(e);
  }
}

export const session = (): Promise<Session> => call("session");
export const listProjects = (): Promise<Project[]> => call("list_projects");
export const listInstances = (projectId: string): Promise<InstanceRow[]> =>
  call("list_instances", { projectId });
