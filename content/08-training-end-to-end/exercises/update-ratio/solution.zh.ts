import { Matrix } from "nn";

// 这一步的长度 ‖after − before‖，占权重长度 ‖before‖ 的比例。
export function updateRatio(before: Matrix, after: Matrix): number {
  let change = 0, size = 0;
  for (let k = 0; k < before.data.length; k++) {
    const d = after.data[k] - before.data[k];
    change += d * d;
    size += before.data[k] * before.data[k];
  }
  return Math.sqrt(change) / Math.sqrt(size);
}
