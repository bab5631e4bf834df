import { Matrix } from "nn";

// 优化器走一步的更新量与权重之比：‖after − before‖ / ‖before‖，
// 其中 ‖A‖ 是 A 的全部元素平方和的平方根。
// 返回一个数；不要改动输入。
export function updateRatio(before: Matrix, after: Matrix): number {
  // TODO：量出变化的大小和权重的大小，然后相除。
  void before; void after;
  return 0;
}
