class Node:
    def __init__(self):
        self.next_node = None
def walk(node):
    return node.nextnode
walk(Node())
