import { Matrix } from "nn";

/** 返回一张新的 28×28 图像：最亮的像素为 1，质心位于 (13.5, 13.5)。 */
export function centreDigit(img: Matrix): Matrix {
  // TODO：先除以最大值做归一化，再平移 round(13.5 − 质心) 行和列。
  return img.clone();
}
