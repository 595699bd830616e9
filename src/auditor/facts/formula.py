"""Scoring formulas written in rule files, e.g. "weight * executed / budget".

A tiny arithmetic language over named Decimal values: + - * / ( ) min() max(), numbers
and names. Parsed by hand (no eval), so a rule file can only compute.
"""
from __future__ import annotations

import re
from decimal import Decimal

TOKEN_RE = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z_0-9]*)|(.))")


class FormulaError(ValueError):
    pass


def names(formula: str) -> set[str]:
    return {m.group(2) for m in TOKEN_RE.finditer(formula) if m.group(2) and m.group(2) not in ("min", "max")}


def evaluate(formula: str, values: dict[str, Decimal]) -> Decimal:
    tokens = [m.group(0).strip() for m in TOKEN_RE.finditer(formula) if m.group(0).strip()]
    parser = _Parser(tokens, values)
    result = parser.expression()
    if parser.pos != len(tokens):
        raise FormulaError(f"多余的符号：{tokens[parser.pos]}")
    return result


class _Parser:
    def __init__(self, tokens: list[str], values: dict[str, Decimal]):
        self.tokens, self.values, self.pos = tokens, values, 0

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise FormulaError("公式不完整")
        self.pos += 1
        return token

    def expression(self) -> Decimal:
        value = self.term()
        while self.peek() in ("+", "-"):
            value = value + self.term() if self.take() == "+" else value - self.term()
        return value

    def term(self) -> Decimal:
        value = self.factor()
        while self.peek() in ("*", "/"):
            op, right = self.take(), None
            right = self.factor()
            if op == "*":
                value *= right
            elif right == 0:
                raise FormulaError("除数为零")
            else:
                value /= right
        return value

    def factor(self) -> Decimal:
        token = self.take()
        if token == "-":
            return -self.factor()
        if token == "(":
            value = self.expression()
            if self.take() != ")":
                raise FormulaError("缺少右括号")
            return value
        if token in ("min", "max"):
            if self.take() != "(":
                raise FormulaError(f"{token} 后应为括号")
            args = [self.expression()]
            while self.peek() == ",":
                self.take()
                args.append(self.expression())
            if self.take() != ")":
                raise FormulaError("缺少右括号")
            return min(args) if token == "min" else max(args)
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            return Decimal(token)
        if re.fullmatch(r"[A-Za-z_][A-Za-z_0-9]*", token):
            if token not in self.values or self.values[token] is None:
                raise FormulaError(f"缺少数值：{token}")
            return self.values[token]
        raise FormulaError(f"无法识别的符号：{token}")
