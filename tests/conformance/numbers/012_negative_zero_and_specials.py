print(-0.0, 0.0 == -0.0, abs(-0.0), str(-0.0), f"{-0.0:.1f}")
inf = float("inf")
print(inf + 1, inf - inf, -inf < 0, inf * 0)
print(round(-0.4), round(-0.5), round(-0.6))
