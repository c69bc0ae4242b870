import { createVideoRoom } from "./create-video-room.task.js";
import { deleteVideoRoom } from "./delete-video-room.task.js";

export const videoTasks = [createVideoRoom, deleteVideoRoom];
